/// When to connect again after a connection to the bridge fails or closes: capped exponential backoff
/// with jitter, so that many clients restarted together do not reconnect in step.
public struct ReconnectPolicy: Sendable, Hashable {
    /// The delay before the first new attempt.
    public var initialDelay: Duration
    /// The longest delay between attempts.
    public var maximumDelay: Duration
    /// How much each delay grows over the one before (at least 1).
    public var multiplier: Double
    /// The share of each delay that is random, from 0 to 1: 0.2 spreads a 1 s delay over 0.8 s to 1.2 s
    /// (and never past ``maximumDelay``).
    public var jitter: Double
    /// How many attempts in a row may fail before ``BridgeConnection/run()`` gives up; nil: never.
    public var maximumAttempts: Int?

    /// Creates a policy; the defaults start at 100 ms, double, stop growing at 30 s and spread each
    /// delay by ±20%.
    public init(
        initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(30), multiplier: Double = 2,
        jitter: Double = 0.2, maximumAttempts: Int? = nil
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.maximumAttempts = maximumAttempts
    }

    /// The delay before attempt `attempt` (1 for the first attempt after a failure); `random` is a
    /// number in 0..<1 that places the delay within the jitter. Never more than ``maximumDelay``.
    public func delay(beforeAttempt attempt: Int, random: Double) -> Duration {
        let limit = maximumDelay / .seconds(1)
        var base = initialDelay / .seconds(1)
        for _ in 1..<max(attempt, 1) where base < limit {
            base *= max(multiplier, 1)
        }
        let spread = min(max(jitter, 0), 1) * (2 * random - 1)
        return .seconds(min(max(min(base, limit) * (1 + spread), 0), limit))
    }

    /// The delay before attempt `attempt`, with a random place in the jitter.
    func delay(beforeAttempt attempt: Int) -> Duration {
        delay(beforeAttempt: attempt, random: Double.random(in: 0..<1))
    }
}
