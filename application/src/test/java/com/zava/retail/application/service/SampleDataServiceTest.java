package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.in.SeedCommand;
import com.zava.retail.application.port.in.SeedCommand.IfSeeded;
import com.zava.retail.application.port.in.SeedReport;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.sampledata.Scale;
import com.zava.retail.domain.RejectedException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleDataServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");
    private final InMemorySampleDataStore store = new InMemorySampleDataStore();
    private final FakeTextEmbedder embedder = new FakeTextEmbedder();
    private final SampleDataService service =
            new SampleDataService(Catalogue.zava(), store, embedder, () -> NOW, SeedProgress.SILENT);

    @Test
    void seedsEverythingWithEmbeddingsAndDefaultsTheAsOfDateToToday() {
        SeedReport report = service.seed(new SeedCommand(Scale.SMALL, 1, Optional.empty(), IfSeeded.REFUSE));
        assertThat(report.seeded()).isTrue();
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(store.content().embeddings()).hasSameSizeAs(store.content().products());
        assertThat(store.content().embeddings()).allSatisfy(e -> assertThat(e.model()).isEqualTo("fake-model"));
        assertThat(report.rowCounts()).containsEntry("stores", 8)
                .containsEntry("product_description_embeddings", store.content().products().size());
    }

    @Test
    void refusesToSeedAgainUnlessAskedToReplace() {
        service.seed(new SeedCommand(Scale.SMALL, 1, Optional.empty(), IfSeeded.REFUSE));
        var before = store.content();
        assertThatThrownBy(() -> service.seed(new SeedCommand(Scale.SMALL, 2, Optional.empty(), IfSeeded.REFUSE)))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("already holds sample data").hasMessageContaining("--replace");
        assertThat(store.content()).isSameAs(before);
    }

    @Test
    void skipLeavesExistingDataAlone() {
        service.seed(new SeedCommand(Scale.SMALL, 1, Optional.empty(), IfSeeded.REFUSE));
        var before = store.content();
        SeedReport report = service.seed(new SeedCommand(Scale.SMALL, 2, Optional.empty(), IfSeeded.SKIP));
        assertThat(report.seeded()).isFalse();
        assertThat(store.content()).isSameAs(before);
    }

    @Test
    void replaceSwapsTheData() {
        service.seed(new SeedCommand(Scale.SMALL, 1, Optional.empty(), IfSeeded.REFUSE));
        var before = store.content();
        service.seed(new SeedCommand(Scale.SMALL, 2, Optional.of(LocalDate.of(2025, 6, 30)), IfSeeded.REPLACE));
        assertThat(store.content()).isNotSameAs(before);
        assertThat(store.content().asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
    }
}
