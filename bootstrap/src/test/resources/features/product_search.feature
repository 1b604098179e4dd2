@product-search
Feature: Finding products by what they are for
  Managers describe what a customer needs in their own words. The assistant searches the product
  descriptions by meaning and gets the closest products, most similar first, each with its
  similarity in percent. How many products come back and how similar they must be can be chosen.

  Background:
    Given the Seattle manager is connected over HTTP

  Scenario Outline: Searching for "<phrase>"
    When they search for products described as "<phrase>"
    Then among the first 5 products there is one of the type "<type>"
    And the products come most similar first
    And every product is at least 30 percent similar

    Examples:
      | phrase                                    | type                     |
      | waterproof electrical box for outdoor use | Electrical Boxes         |
      | 15 amp circuit breaker                    | Circuit Breakers         |
      | LED light bulbs for kitchen ceiling       | Light Bulbs              |
      | containers for paint                      | Paint Trays & Containers |

  Scenario: Asking for fewer products
    When they search for products described as "LED light bulbs for kitchen ceiling", at most 3 of them
    Then they get 3 products
    And they are the 3 most similar products of the same search without a limit

  Scenario: A stricter similarity threshold keeps only close matches
    When they search for products described as "15 amp circuit breaker" that are at least 50 percent similar
    Then every product is at least 50 percent similar
    And the closest product is of the type "Circuit Breakers"

  Scenario: Nothing is similar enough
    When they search for products described as "15 amp circuit breaker" that are at least 99 percent similar
    Then no products are found
    And the assistant is told that nothing matched

  Scenario Outline: A limit of <limit> products is refused with guidance
    When they search for products described as "hammer", at most <limit> of them
    Then the request is refused with the message "max_rows must be between 1 and 100"

    Examples:
      | limit |
      | 0     |
      | 101   |

  Scenario: A similarity above 100 percent is refused with guidance
    When they search for products described as "hammer" that are at least 150 percent similar
    Then the request is refused with the message "similarity_threshold must be between 0 and 100"
