@authentication
Feature: Only callers with a valid API key get answers over HTTP
  Over HTTP the server decides who is asking from a verified credential, never from anything the
  caller merely claims. A missing, unknown or revoked key gets no data at all, and the refusal
  tells the client what it needs to send.

  Scenario: A manager with a valid API key sees their own store
    Given the Spokane manager has been given an API key
    When they connect over HTTP with their key
    Then they are let in and offered the four sales tools
    And they see only the orders of Zava Retail Spokane

  Scenario: A revoked API key no longer gets in
    Given the Everett manager has been given an API key
    And they have used it over HTTP successfully
    When the key is revoked
    Then connecting over HTTP with that key is refused as unauthenticated
    And the refusal says that a valid API key is required

  Scenario: A client without any credential is refused
    When a client connects over HTTP without any credential
    Then it is refused as unauthenticated
    And the refusal says that a valid API key is required

  Scenario: A made-up API key is refused
    When a client connects over HTTP with a made-up API key
    Then it is refused as unauthenticated
    And the refusal says that a valid API key is required

  Scenario: Claiming to be head office without a key is refused
    When a client connects over HTTP saying it is head office, without an API key
    Then it is refused as unauthenticated
