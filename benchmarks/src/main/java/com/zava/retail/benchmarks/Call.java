package com.zava.retail.benchmarks;

/** One timed operation: a tool call or a JDBC query. */
@FunctionalInterface
interface Call {

    /** @return true when it succeeded; false (or an exception) counts as an error */
    boolean run() throws Exception;
}
