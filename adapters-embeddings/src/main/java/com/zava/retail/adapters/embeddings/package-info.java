/** Text embedders: the local ONNX all-MiniLM-L6-v2 model and an OpenAI-compatible HTTP client. */
package com.zava.retail.adapters.embeddings;
