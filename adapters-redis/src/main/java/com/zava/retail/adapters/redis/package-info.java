/** Redis implementations of out-ports: shared caches and the distributed rate limiter. */
package com.zava.retail.adapters.redis;
