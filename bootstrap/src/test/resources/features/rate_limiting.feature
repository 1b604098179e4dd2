@rate-limiting
Feature: Each caller's tool calls are rate limited
  One caller's runaway assistant must not crowd out everyone else. Each caller may make a number
  of tool calls per minute, with short bursts above the average. A call over the limit gets an
  answer that tells the model to slow down and when to try again; later calls go through again.

  Background:
    Given the server allows each caller 60 tool calls per minute, in bursts of up to 3

  Scenario: A burst over the limit is refused, then allowed again
    Given the Kirkland manager is connected over HTTP
    When they make 5 tool calls in quick succession
    Then the first 3 calls are answered
    And the other 2 are refused with a message telling them to slow down and when to try again
    When they wait as long as they were told
    Then their next tool call is answered
