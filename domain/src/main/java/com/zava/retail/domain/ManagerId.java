package com.zava.retail.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The store manager a call runs as. It is the key of PostgreSQL row-level security: the database
 * shows a manager only the rows of the store whose {@code rls_user_id} equals this id, and the
 * all-zero id (head office) sees every store.
 *
 * <p>Only the canonical 8-4-4-4-12 hexadecimal form is accepted, so the value can be written into
 * a {@code SET LOCAL} statement without any chance of breaking out of its literal.
 */
public record ManagerId(UUID value) {

    /** Head office: sees the rows of every store. */
    public static final ManagerId HEAD_OFFICE = new ManagerId(new UUID(0L, 0L));

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public ManagerId {
        Objects.requireNonNull(value, "manager id");
    }

    /**
     * Parses a manager id as it arrives from configuration or a transport.
     *
     * @throws InvalidInputException when the text is missing or not a canonical UUID
     */
    public static ManagerId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("A manager id is required (a UUID such as "
                    + HEAD_OFFICE.asText() + ").");
        }
        String trimmed = text.strip();
        // UUID.fromString alone accepts forms like "1-2-3-4-5"; insist on the canonical one.
        if (trimmed.length() != 36 || !CANONICAL.matcher(trimmed).matches()) {
            throw new InvalidInputException("Manager id '" + abbreviate(trimmed)
                    + "' is not a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
        }
        return new ManagerId(UUID.fromString(trimmed));
    }

    public boolean isHeadOffice() {
        return equals(HEAD_OFFICE);
    }

    /** Lower-case canonical text, the form stored in {@code retail.stores.rls_user_id}. */
    public String asText() {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
