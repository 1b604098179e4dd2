package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.sampledata.Rows;
import com.zava.retail.application.sampledata.SampleDataGenerator;
import com.zava.retail.application.sampledata.SampleDataSet;
import com.zava.retail.application.sampledata.Scale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SampleDataStore} promises. Run against the in-memory fake here and against
 * PostgreSQL in adapters-postgres.
 */
public abstract class SampleDataStoreContract {

    /** A store with no data in it. */
    protected abstract SampleDataStore emptyStore();

    /** Something that changes whenever the stored content changes (e.g. a checksum). */
    protected abstract Object fingerprint(SampleDataStore store);

    protected static SampleDataSet smallDataSet(long seed) {
        SampleDataSet data = new SampleDataGenerator(Catalogue.zava())
                .generate(Scale.SMALL, seed, LocalDate.of(2026, 11, 27));
        FakeTextEmbedder embedder = new FakeTextEmbedder();
        List<Rows.ProductEmbedding> embeddings = data.products().stream()
                .map(p -> new Rows.ProductEmbedding(p.productId(), embedder.model().id(),
                        embedder.embed(p.productDescription()), java.time.Instant.parse("2026-11-27T00:00:00Z")))
                .toList();
        return data.withEmbeddings(embeddings);
    }

    @Test
    void anEmptyStoreHasNoData() {
        assertThat(emptyStore().hasData()).isFalse();
    }

    @Test
    void afterLoadingItHasData() {
        SampleDataStore store = emptyStore();
        store.replaceAll(smallDataSet(1), SeedProgress.SILENT);
        assertThat(store.hasData()).isTrue();
    }

    @Test
    void replacingWithTheSameDataGivesTheSameContentAndOtherDataChangesIt() {
        SampleDataStore store = emptyStore();
        store.replaceAll(smallDataSet(1), SeedProgress.SILENT);
        Object first = fingerprint(store);
        store.replaceAll(smallDataSet(1), SeedProgress.SILENT);
        assertThat(fingerprint(store)).isEqualTo(first);
        store.replaceAll(smallDataSet(2), SeedProgress.SILENT);
        assertThat(fingerprint(store)).isNotEqualTo(first);
    }

    @Test
    void aFailedLoadLeavesThePreviousContentUntouched() {
        SampleDataStore store = emptyStore();
        store.replaceAll(smallDataSet(1), SeedProgress.SILENT);
        Object before = fingerprint(store);
        SampleDataSet valid = smallDataSet(2);
        // The very last row points at an order that does not exist: the load fails at its end.
        List<Rows.OrderItem> items = new ArrayList<>(valid.orderItems());
        Rows.OrderItem last = items.get(items.size() - 1);
        items.add(new Rows.OrderItem(last.orderItemId() + 1, 9_999_999, last.storeId(), last.productId(), 1,
                100, 0, 0, 100));
        SampleDataSet broken = new SampleDataSet(valid.asOf(), valid.stores(), valid.categories(),
                valid.productTypes(), valid.products(), valid.customers(), valid.orders(), items, valid.inventory(),
                valid.embeddings());
        assertThatThrownBy(() -> store.replaceAll(broken, SeedProgress.SILENT)).isInstanceOf(RuntimeException.class);
        assertThat(fingerprint(store)).isEqualTo(before);
        assertThat(store.hasData()).isTrue();
    }
}
