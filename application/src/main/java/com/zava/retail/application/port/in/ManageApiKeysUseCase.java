package com.zava.retail.application.port.in;

import com.zava.retail.application.port.out.StoredApiKey;
import com.zava.retail.domain.ManagerId;
import java.util.List;

/** Creating, listing and revoking the API keys that HTTP callers authenticate with. */
public interface ManageApiKeysUseCase {

    /** Creates a key; the returned text is the only time the full key exists outside the caller's hands. */
    IssuedApiKey create(ManagerId manager, String label);

    List<StoredApiKey> list();

    /**
     * @throws com.zava.retail.domain.NotFoundException when there is no such key
     */
    void revoke(String keyId);

    /** A freshly created key. */
    record IssuedApiKey(String keyId, ManagerId manager, String label, String key) {
        @Override
        public String toString() {
            return "IssuedApiKey[" + keyId + " for " + manager + "]"; // never print the secret by accident
        }
    }
}
