package com.zava.retail.bootstrap.acceptance;

/** How a manager's assistant reaches the server. */
enum Transport {
    /** Streamable HTTP to the running server, with an API key. */
    HTTP,
    /** The packaged jar started as a child process, as VS Code starts it, with the manager's id. */
    STDIO
}
