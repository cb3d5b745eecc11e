import CTIRuntime

/// One thing `cti-bridge` checked, and how it came out.
public struct ConformanceCheck: Sendable, Hashable, Codable {
    /// What was checked: a message name, `event <name>`, or `connection`.
    public var subject: String
    /// The promise checked (`answered`, `echoes name, target and requestId`, `body`).
    public var check: String
    /// Whether the promise was kept.
    public var passed: Bool
    /// What was expected, when it was not what came.
    public var expected: String?
    /// What came instead.
    public var actual: String?
    /// How long the client took to answer, for the check that a request was answered.
    public var latencyMilliseconds: Double?

    /// A kept promise.
    static func pass(_ subject: String, _ check: String, latency: Double? = nil) -> Self {
        Self(subject: subject, check: check, passed: true, latencyMilliseconds: latency)
    }

    /// A broken promise.
    static func fail(_ subject: String, _ check: String, expected: String, actual: String) -> Self {
        Self(subject: subject, check: check, passed: false, expected: expected, actual: actual)
    }
}

/// Everything `cti-bridge` checked in one session, in order.
public struct ConformanceReport: Sendable, Hashable, Codable {
    /// The checks, in the order they were made.
    public var checks: [ConformanceCheck]

    /// Creates a report.
    public init(checks: [ConformanceCheck] = []) {
        self.checks = checks
    }

    /// The checks that failed.
    public var failures: [ConformanceCheck] { checks.filter { !$0.passed } }

    /// One line per check (`PASS`/`FAIL`, subject, check, expected and actual, latency), then a summary.
    public var text: String {
        var lines = checks.map { check in
            var line = "\(check.passed ? "PASS" : "FAIL") \(check.subject): \(check.check)"
            if let latency = check.latencyMilliseconds { line += " (\(Self.format(latency)) ms)" }
            if !check.passed {
                line += ": expected \(check.expected ?? "-"), got \(check.actual ?? "-")"
            }
            return line
        }
        let latencies = checks.compactMap(\.latencyMilliseconds).sorted()
        var summary = "\(checks.count) checks, \(failures.count) failed"
        if let last = latencies.last {
            summary += "; latency p50 \(Self.format(Percentiles.value(0.5, of: latencies))) ms, max \(Self.format(last)) ms"
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ milliseconds: Double) -> String {
        String((milliseconds * 100).rounded() / 100)
    }
}

/// Percentiles of sorted samples, by the nearest-rank method.
enum Percentiles {
    /// The `fraction` percentile (0.5 for p50) of `sorted`, which must not be empty.
    static func value(_ fraction: Double, of sorted: [Double]) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
