@sales-questions
Feature: The managers' everyday sales questions get the right answers
  The assistant turns a manager's question into one read-only query, after asking the server for
  today's date. The answers must be the figures in Zava's sales records, to the cent, and only for
  the stores the manager may see.

  Scenario: Head office compares last quarter's revenue across the stores
    Given head office is connected over HTTP
    When they ask for revenue by store for last quarter
    Then they get one revenue figure for each store that sold something last quarter, largest first
    And every figure is that store's revenue for last quarter in the sales records
    And Zava Retail Seattle and Zava Retail Online are among them

  Scenario: A store manager's revenue question covers only their store
    Given the Tacoma manager is connected over HTTP
    When they ask for revenue by store for last quarter
    Then they get a single revenue figure, for Zava Retail Tacoma
    And every figure is that store's revenue for last quarter in the sales records

  Scenario Outline: Top product categories for <caller>
    Given <caller> is connected over HTTP
    When they ask for the top 3 product categories by revenue over the last twelve months
    Then they get 3 categories, best first
    And they are the 3 best-selling categories in the sales records they may see

    Examples:
      | caller              |
      | head office         |
      | the Redmond manager |

  Scenario: A store manager finds the products that are low on stock
    Given the Bellevue manager is connected over HTTP
    When they ask which products are low on stock
    Then they get the products with fewer than 10 units in stock
    And every one of them is stocked at Zava Retail Bellevue
    And no low-stock product of Zava Retail Bellevue is missing
