@store-visibility
Feature: Each store manager sees only their own store
  Zava's eight store managers ask their assistant about orders, customers and stock. Whatever the
  assistant asks, a store manager sees the records of their own store and nothing else; head office
  sees every store. This holds whether the assistant reaches the server over HTTP with the
  manager's API key, or starts it on the manager's computer over stdio.

  Scenario Outline: The <store> manager sees only the <store> store, over <transport>
    Given the <store> manager is connected over <transport>
    When they look at the orders, order lines, customers and inventory they can see
    Then every order, order line and inventory record they see belongs to Zava Retail <store>
    And they see exactly the orders, order lines, customers and inventory records of Zava Retail <store>

    Examples: Over HTTP
      | store    | transport |
      | Seattle  | HTTP      |
      | Bellevue | HTTP      |
      | Tacoma   | HTTP      |
      | Spokane  | HTTP      |
      | Everett  | HTTP      |
      | Redmond  | HTTP      |
      | Kirkland | HTTP      |
      | Online   | HTTP      |

    # Over stdio every manager's assistant starts a server process of its own (about 8 s each on the
    # build machine); one store here and head office below show that the identity given at start-up
    # is the one row-level security applies.
    Examples: Over stdio, from the manager's own computer
      | store   | transport |
      | Seattle | stdio     |

  Scenario Outline: Head office sees every store, over <transport>
    Given head office is connected over <transport>
    When they look at the orders, order lines, customers and inventory they can see
    Then they see orders, order lines and inventory of all 8 stores
    And they see exactly the orders, order lines, customers and inventory records of the whole company

    Examples:
      | transport |
      | HTTP      |
      | stdio     |
