package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.ApiKeyStore;
import com.zava.retail.application.port.out.StoredApiKey;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * API keys in {@code auth.api_keys}. Verification reads through the runtime pool, which may see
 * only the columns needed to verify; creating, listing and revoking (the {@code keys} command)
 * use the owner's connection.
 */
final class PostgresApiKeyStore implements ApiKeyStore {

    private final DataSource runtime;
    private final DataSource owner;

    PostgresApiKeyStore(DataSource runtime, DataSource owner) {
        this.runtime = runtime;
        this.owner = owner;
    }

    @Override
    public Optional<StoredApiKey> find(String keyId) {
        try (Connection connection = runtime.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT key_id, manager_id, salt, secret_hash, revoked_at FROM auth.api_keys WHERE key_id = ?")) {
            query.setString(1, keyId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredApiKey(rs.getString(1), new ManagerId(rs.getObject(2, UUID.class)), null,
                        rs.getBytes(3), rs.getBytes(4), null, instant(rs.getTimestamp(5))));
            }
        } catch (SQLException e) {
            throw new UnavailableException("API keys cannot be checked right now; try again in a moment.");
        }
    }

    @Override
    public void add(StoredApiKey key) {
        try (Connection connection = owner.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO auth.api_keys (key_id, manager_id, "
                     + "label, salt, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.keyId());
            insert.setObject(2, key.manager().value());
            insert.setString(3, key.label());
            insert.setBytes(4, key.salt());
            insert.setBytes(5, key.secretHash());
            insert.setTimestamp(6, Timestamp.from(key.createdAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the API key: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredApiKey> list() {
        List<StoredApiKey> keys = new ArrayList<>();
        try (Connection connection = owner.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT key_id, manager_id, label, salt, "
                     + "secret_hash, created_at, revoked_at FROM auth.api_keys ORDER BY created_at DESC, key_id");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                keys.add(new StoredApiKey(rs.getString(1), new ManagerId(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getBytes(4), rs.getBytes(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list API keys: " + e.getMessage(), e);
        }
        return keys;
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        try (Connection connection = owner.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE auth.api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE key_id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, keyId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke the API key: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
