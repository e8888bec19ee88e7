import Testing

@testable import carryover_bench

@Suite struct StatisticsTests {
    // Worked by hand: sorted 1 2 3 9 -> middle pair 2, 3 -> 2.5; sorted 1 3 7 -> 3.
    @Test func medianOfEvenAndOddCounts() {
        #expect(Statistics.median([9, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([7, 1, 3]) == 3)
        #expect(Statistics.median([4]) == 4)
    }

    // Nearest-rank definition (NIST/Wikipedia "Percentile", nearest-rank method):
    // rank = ceil(p/100 * n). For 1...100, p99 -> rank 99 -> 99; p50 -> 50;
    // for 15 20 35 40 50 (Wikipedia's example) p30 -> rank 2 -> 20, p40 -> 20,
    // p50 -> rank 3 -> 35, p100 -> 50.
    @Test func nearestRankPercentile() {
        let hundred = (1...100).map(Double.init).shuffled()
        #expect(Statistics.percentile(99, of: hundred) == 99)
        #expect(Statistics.percentile(50, of: hundred) == 50)
        let example: [Double] = [50, 15, 40, 20, 35]
        #expect(Statistics.percentile(30, of: example) == 20)
        #expect(Statistics.percentile(40, of: example) == 20)
        #expect(Statistics.percentile(50, of: example) == 35)
        #expect(Statistics.percentile(100, of: example) == 50)
        #expect(Statistics.percentile(0, of: example) == 15)
    }
}

@Suite struct ComparisonTests {
    // 600 / 1000 = 0.6 >= 0.5 passes; 300 / 1000 = 0.3 misses.
    @Test func rateRatioTarget() {
        let pass = Comparison(
            scenario: "r", unit: "1/s", project: 600, baseline: 1000, target: .ratioAtLeast(0.5))
        #expect(pass.ratio == 0.6)
        #expect(pass.passed)
        let miss = Comparison(
            scenario: "r", unit: "1/s", project: 300, baseline: 1000, target: .ratioAtLeast(0.5))
        #expect(!miss.passed)
    }

    // 12 ms against 2 ms is 6x, over a 5x limit; 8 ms is 4x, within it.
    @Test func timeRatioAndAbsoluteTargets() {
        let slow = Comparison(
            scenario: "t", unit: "ms", project: 12, baseline: 2, target: .ratioAtMost(5))
        #expect(slow.ratio == 6)
        #expect(!slow.passed)
        #expect(
            Comparison(scenario: "t", unit: "ms", project: 8, baseline: 2, target: .ratioAtMost(5))
                .passed)
        #expect(
            Comparison(
                scenario: "m", unit: "MiB", project: 79.5, baseline: nil, target: .atMost(80)
            ).passed)
        #expect(
            !Comparison(
                scenario: "m", unit: "MiB", project: 80.5, baseline: nil, target: .atMost(80)
            ).passed)
    }

    @Test func formatsThreeSignificantDigits() {
        #expect(Format.number(12_345.6) == "12346")
        #expect(Format.number(42.26) == "42.3")
        #expect(Format.number(4.226) == "4.23")
        #expect(Format.number(0.01234) == "0.012")
    }
}

@Suite struct PeakMemoryTests {
    // A /proc/self/status excerpt (Linux proc(5)): VmHWM is in kB (KiB), 20480 kB = 20 MiB.
    @Test func readsVmHWMInBytes() {
        let status = "Name:\tbench\nVmPeak:\t  300000 kB\nVmHWM:\t   20480 kB\nVmRSS:\t 1000 kB\n"
        #expect(PeakMemory.parse(status: status) == 20_971_520)
        #expect(PeakMemory.parse(status: "Name:\tbench\n") == nil)
    }

    @Test func thisProcessHasAPeak() throws {
        let peak = try #require(PeakMemory.current())
        #expect(peak > 1_048_576)
    }
}

@Suite struct ConfigurationTests {
    @Test func smokeWithOverrides() throws {
        let configuration = try Configuration.parse([
            "--smoke", "--clients", "1000,100", "--scenarios", "3",
        ])
        #expect(configuration.smoke)
        #expect(configuration.clientSizes == [100, 1000])
        #expect(configuration.mainClients == 1000)
        #expect(configuration.scenarios == [3])
        #expect(throws: BenchError.self) { try Configuration.parse(["--rounds", "0"]) }
        #expect(throws: BenchError.self) { try Configuration.parse(["--bogus", "1"]) }
    }
}
