package com.zava.retail.bootstrap;

import com.zava.retail.adapters.embeddings.OnnxTextEmbedder;
import com.zava.retail.application.port.in.SeedSampleDataUseCase;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.service.SampleDataService;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wiring of the sample data use case and the ports it needs. */
@Configuration(proxyBeanMethods = false)
class SampleDataConfiguration {

    @Bean
    Clock clock() {
        return Instant::now;
    }

    /** Loading the ONNX model takes a second or two; commands that never embed should not pay it. */
    @Bean
    @Lazy
    TextEmbedder textEmbedder() {
        return new OnnxTextEmbedder();
    }

    @Bean
    @Lazy
    SeedSampleDataUseCase seedSampleData(SampleDataStore store, @Lazy TextEmbedder embedder, Clock clock,
            ObjectProvider<SeedProgress> progress) {
        return new SampleDataService(Catalogue.zava(), store, embedder, clock,
                progress.getIfAvailable(() -> new TerminalSeedProgress(System.err)));
    }
}
