package clinic.relief.painmap.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.PainFinder;
import clinic.relief.painmap.PainFinderResult;
import clinic.relief.painmap.PainQuery;

/**
 * Ranks one assessment: the piriformis acceptance example of issue 3 (four regions, three factors) and, for
 * contrast, a larger eight-region map that needs a combination of several muscles, and every region at once. Sample mode reports the
 * median (p0.50) per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PainFinderBenchmark {

    private PainFinder finder;
    private PainQuery assessment;
    private PainQuery largeMap;
    private PainQuery everyRegion;

    @Setup
    public void setUp() {
        finder = new PainFinder(KnowledgeBase.load());
        assessment = PainQuery.of(List.of("buttock_mid_L", "si_joint_L", "thigh_back_L", "coccyx"),
                List.of("aching"), List.of("prolonged_sitting", "driving", "crossed_legs"), List.of(), null);
        largeMap = PainQuery.of(List.of("low_back_lateral_R", "iliac_crest_R", "calf_R", "leg_lateral_R",
                "neck_angle_L", "temple_L", "chest_upper_R", "knee_front_L"), List.of("sharp", "tingling"),
                List.of("cough_sneeze", "desk_work"), List.of(), null);
        everyRegion = PainQuery.of(finder.knowledgeBase().regionIds(), null, null, null, null);
    }

    @Benchmark
    public PainFinderResult rankOneAssessment() {
        return finder.find(assessment);
    }

    @Benchmark
    public PainFinderResult rankALargeMap() {
        return finder.find(largeMap);
    }

    /** The worst case a client can send: all 121 regions (the combination needs 14 muscles). */
    @Benchmark
    public PainFinderResult rankEveryRegionMarked() {
        return finder.find(everyRegion);
    }
}
