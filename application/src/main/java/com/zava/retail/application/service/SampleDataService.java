package com.zava.retail.application.service;

import com.zava.retail.application.port.in.SeedCommand;
import com.zava.retail.application.port.in.SeedReport;
import com.zava.retail.application.port.in.SeedSampleDataUseCase;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.sampledata.Rows;
import com.zava.retail.application.sampledata.SampleDataGenerator;
import com.zava.retail.application.sampledata.SampleDataSet;
import com.zava.retail.domain.RejectedException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generates the sample data set, embeds the product descriptions and loads it in one go. */
public final class SampleDataService implements SeedSampleDataUseCase {

    private static final int EMBEDDING_BATCH = 32;

    private final Catalogue catalogue;
    private final SampleDataStore store;
    private final TextEmbedder embedder;
    private final Clock clock;
    private final SeedProgress progress;

    public SampleDataService(Catalogue catalogue, SampleDataStore store, TextEmbedder embedder, Clock clock,
            SeedProgress progress) {
        this.catalogue = catalogue;
        this.store = store;
        this.embedder = embedder;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public SeedReport seed(SeedCommand command) {
        Instant started = clock.now();
        LocalDate asOf = command.asOf().orElseGet(() -> LocalDate.ofInstant(started, ZoneOffset.UTC));
        if (store.hasData()) {
            switch (command.ifSeeded()) {
                case SKIP -> {
                    return new SeedReport(false, asOf, Map.of(), Duration.between(started, clock.now()));
                }
                case REFUSE -> throw new RejectedException("The database already holds sample data. Seeding again "
                        + "would replace all of it: run 'db seed --replace' to do that on purpose.");
                case REPLACE -> {
                    // fall through: replaceAll swaps the contents atomically
                }
            }
        }
        progress.begin("Generating " + command.scale() + " data set (seed " + command.seed() + ", as of " + asOf + ")", 0);
        SampleDataSet data = new SampleDataGenerator(catalogue).generate(command.scale(), command.seed(), asOf);
        progress.end();
        data = data.withEmbeddings(embed(data.products(), asOf));
        store.replaceAll(data, progress);
        return new SeedReport(true, asOf, data.rowCounts(), Duration.between(started, clock.now()));
    }

    private List<Rows.ProductEmbedding> embed(List<Rows.Product> products, LocalDate asOf) {
        Instant createdAt = asOf.atStartOfDay(ZoneOffset.UTC).toInstant(); // not now(): keeps seeds reproducible
        String model = embedder.model().id();
        List<Rows.ProductEmbedding> embeddings = new ArrayList<>(products.size());
        progress.begin("Embedding product descriptions with " + model, products.size());
        for (int from = 0; from < products.size(); from += EMBEDDING_BATCH) {
            List<Rows.Product> batch = products.subList(from, Math.min(products.size(), from + EMBEDDING_BATCH));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(Rows.Product::productDescription).toList());
            for (int i = 0; i < batch.size(); i++) {
                embeddings.add(new Rows.ProductEmbedding(batch.get(i).productId(), model, vectors.get(i), createdAt));
            }
            progress.advance(embeddings.size());
        }
        progress.end();
        return embeddings;
    }
}
