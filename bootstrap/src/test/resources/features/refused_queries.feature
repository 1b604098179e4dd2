@refused-queries
Feature: Queries that could change data or identity are refused
  The SQL is written by a language model, which text hidden in the data itself may steer. The
  server runs only one read-only query per call, as the manager who is connected, and tells the
  model what to do instead when it refuses. Nothing in the sales data ever changes.

  Scenario Outline: A query that would <attempt> is refused, over <transport>
    Given the Seattle manager is connected over <transport>
    When the assistant sends a query that would <attempt>
    Then the query is refused as unsafe, with the message "<message>"
    And the message shows the model the query it sent
    And no sales data has changed

    Examples: Writes and several statements
      | attempt                                  | message                                | transport |
      | delete every order                       | Only read-only queries are allowed     | HTTP      |
      | raise the price of every product         | Only read-only queries are allowed     | HTTP      |
      | copy the orders into a new table         | SELECT ... INTO is not allowed         | HTTP      |
      | delete orders from inside a WITH query   | Rewrite it as a plainer SELECT         | HTTP      |
      | lock the inventory for an update         | FOR UPDATE is not allowed              | HTTP      |
      | read the orders and then delete them     | Only one statement per call is allowed | HTTP      |
      | hide a second statement behind a comment | Only one statement per call is allowed | HTTP      |
      | delete every order                       | Only read-only queries are allowed     | stdio     |
      | read the orders and then delete them     | Only one statement per call is allowed | stdio     |

  Scenario Outline: A query that would <attempt> is refused and changes nobody's identity, over <transport>
    Given the Seattle manager is connected over <transport>
    When the assistant sends a query that would <attempt>
    Then the query is refused as unsafe, with the message "<message>"
    And the Seattle manager still sees only the orders of Zava Retail Seattle

    Examples: Identity tricks
      | attempt                                          | message                                   | transport |
      | switch to head office in the middle of the query | Function 'set_config' is not allowed      | HTTP      |
      | switch to head office before the query           | Only one statement per call is allowed    | HTTP      |
      | become the database owner                        | Only read-only queries are allowed        | HTTP      |
      | find out which manager it runs as                | Function 'current_setting' is not allowed | HTTP      |
      | read what other managers asked                   | Table 'audit.tool_calls' is not available | HTTP      |
      | read the API keys                                | Table 'auth.api_keys' is not available    | HTTP      |
      | switch to head office in the middle of the query | Function 'set_config' is not allowed      | stdio     |
      | switch to head office before the query           | Only one statement per call is allowed    | stdio     |

  Scenario: Naming head office in the tool call does not make the caller head office
    Given the Seattle manager is connected over HTTP
    When the assistant adds head office's manager id to its query call
    Then the Seattle manager still sees only the orders of Zava Retail Seattle
