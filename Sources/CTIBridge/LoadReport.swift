/// What a load run measured: how many requests were answered, how fast, and how long each took.
public struct LoadReport: Sendable, Hashable, Codable {
    /// The sessions asked for.
    public var sessions: Int
    /// The sessions that ran to the end within the time limit.
    public var completedSessions: Int
    /// Requests answered, over all sessions.
    public var answered: Int
    /// Requests not answered (timed out, or their connection closed), in the completed sessions.
    public var unanswered: Int
    /// Wall-clock seconds from the start of the run to the end of the last session.
    public var seconds: Double
    /// Frames a second, both ways (each answered request is two).
    public var framesPerSecond: Double
    /// The median latency of the answered requests, in milliseconds.
    public var p50: Double
    /// The 99th percentile latency, in milliseconds.
    public var p99: Double
    /// The longest latency, in milliseconds.
    public var max: Double
    /// Whether the run stopped at its time limit before every session ended.
    public var timedOut: Bool

    init(sessions: Int, reports: [ConformanceReport], elapsed: Duration) {
        let latencies = reports.flatMap { $0.checks.compactMap(\.latencyMilliseconds) }.sorted()
        self.sessions = sessions
        completedSessions = reports.count
        answered = latencies.count
        unanswered = reports.reduce(0) { $0 + $1.failures.count { $0.check == "answered" } }
        seconds = elapsed / .seconds(1)
        framesPerSecond = seconds > 0 ? Double(2 * answered) / seconds : 0
        p50 = latencies.isEmpty ? 0 : Percentiles.value(0.5, of: latencies)
        p99 = latencies.isEmpty ? 0 : Percentiles.value(0.99, of: latencies)
        max = latencies.last ?? 0
        timedOut = reports.count < sessions
    }

    /// Whether every session ran to the end and every request was answered.
    public var succeeded: Bool { !timedOut && unanswered == 0 && completedSessions == sessions }

    /// The figures, one per line.
    public var text: String {
        let format = ConformanceReport.format
        return """
            sessions: \(completedSessions) of \(sessions) completed\(timedOut ? " (time limit reached)" : "")
            requests answered: \(answered), unanswered: \(unanswered)
            time: \(format(seconds)) s, \(Int(framesPerSecond.rounded())) frames/s
            latency: p50 \(format(p50)) ms, p99 \(format(p99)) ms, max \(format(max)) ms

            """
    }
}
