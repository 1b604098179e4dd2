package com.zava.retail.application.port.out;

/**
 * Where every tool call is recorded. {@link #record} must not block the call: implementations
 * queue the record and write it in the background, retry while the store is briefly unavailable,
 * and count (and log) any record they have to drop.
 */
public interface AuditTrail {

    void record(ToolCallRecord record);
}
