package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.out.SchemaCatalog;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.NotFoundException;
import com.zava.retail.domain.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TableSchemaServiceTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final ManagerId REDMOND = ManagerId.parse("e7f8a9b0-c1d2-3e4f-5678-90abcdef1234");

    private final List<String> catalogCalls = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    /** A catalogue whose valid values name the caller, so a leak between managers is visible. */
    private final SchemaCatalog catalog = (caller, table) -> {
        catalogCalls.add(caller + " " + table.qualified());
        return new TableDescription(table.qualified(), List.of(), List.of(), List.of(),
                Map.of("store_name", List.of("store of " + caller)), List.of());
    };
    private final TableSchemaService service =
            new TableSchemaService(catalog, new InMemorySchemaDescriptionCache(now::get, Duration.ofMinutes(5)));

    @Test
    void describesEachTableOnceAndAcceptsShortNames() {
        List<TableDescription> tables = service.describe(SEATTLE, List.of("orders", "retail.orders", "RETAIL.STORES"));
        assertThat(tables).extracting(TableDescription::table).containsExactly("retail.orders", "retail.stores");
    }

    @Test
    void cachesPerManagerAndNeverServesOneManagersViewToAnother() {
        service.describe(SEATTLE, List.of("orders"));
        service.describe(SEATTLE, List.of("orders"));
        TableDescription redmond = service.describe(REDMOND, List.of("orders")).get(0);
        assertThat(catalogCalls).containsExactly(SEATTLE + " retail.orders", REDMOND + " retail.orders");
        assertThat(redmond.validValues().get("store_name")).containsExactly("store of " + REDMOND);
    }

    @Test
    void cachedDescriptionsExpire() {
        service.describe(SEATTLE, List.of("orders"));
        now.set(now.get().plus(Duration.ofMinutes(6)));
        service.describe(SEATTLE, List.of("orders"));
        assertThat(catalogCalls).hasSize(2);
    }

    @Test
    void emptyOrUnknownNamesAreRejectedWithTheValidTables() {
        assertThatThrownBy(() -> service.describe(SEATTLE, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(String.join(", ", TableName.VALID));
        assertThatThrownBy(() -> service.describe(SEATTLE, List.of("retail.order")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Unknown table 'retail.order'").hasMessageContaining("retail.orders");
        assertThatThrownBy(() -> service.describe(SEATTLE, List.of("pg_catalog.pg_authid")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.describe(SEATTLE, java.util.Collections.nCopies(21, "orders")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 20");
        assertThat(catalogCalls).isEmpty();
    }
}
