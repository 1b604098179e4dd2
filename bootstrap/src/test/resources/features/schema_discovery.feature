@schema-discovery
Feature: The assistant learns how the sales data is organised
  Before it writes a query, the assistant asks how the tables it needs are structured: their
  columns, how they relate, and the values the manager may filter on. Names it gets wrong are
  rejected with the list of tables that exist, so it can correct itself.

  Scenario: The assistant learns how orders and order lines are structured
    Given the Seattle manager is connected over HTTP
    When the assistant asks for the structure of the tables "retail.orders" and "order_items"
    Then it receives the descriptions of retail.orders and retail.order_items
    And retail.orders is described with the columns order_id, customer_id, store_id and order_date
    And it learns that retail.orders refers to retail.customers and retail.stores
    And it learns that retail.order_items refers to retail.orders and retail.products
    And it learns which years have orders
    And the only store it is offered is Zava Retail Seattle

  Scenario: Head office is offered every store
    Given head office is connected over HTTP
    When the assistant asks for the structure of the table "orders"
    Then it receives the descriptions of retail.orders
    And it is offered all 8 stores

  Scenario Outline: An unknown table "<table>" is rejected with guidance
    Given the Seattle manager is connected over HTTP
    When the assistant asks for the structure of the table "<table>"
    Then the request is refused with the message "Unknown table '<named as>'"
    And the message lists every table that can be described

    Examples:
      | table                | named as             |
      | sales                | retail.sales         |
      | retail.order         | retail.order         |
      | audit.tool_calls     | audit.tool_calls     |
      | pg_catalog.pg_authid | pg_catalog.pg_authid |

  Scenario: Asking about no table at all
    Given the Seattle manager is connected over HTTP
    When the assistant asks for the structure of no table
    Then the request is refused with the message "table_names is empty"
    And the message lists every table that can be described
