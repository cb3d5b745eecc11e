/// When to connect again after a connection to the bridge fails or closes: capped exponential backoff
/// with jitter, so that many clients restarted together do not reconnect in step.
public struct ReconnectPolicy: Sendable, Hashable {
    /// The delay before the first new attempt.
    public var initialDelay: Duration
    /// The longest delay between attempts.
    public var maximumDelay: Duration
    /// How much each delay grows over the one before.
    public var multiplier: Double
    /// The share of each delay that is random: 0.2 spreads a 1 s delay over 0.8 s to 1.2 s.
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
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
        self.maximumAttempts = maximumAttempts
    }

    /// The delay before attempt `attempt` (1 for the first attempt after a failure); `random` is a
    /// number in 0..<1 that places the delay within the jitter.
    public func delay(beforeAttempt attempt: Int, random: Double) -> Duration {
        let initial = Self.seconds(initialDelay)
        let exponent = Double(max(attempt - 1, 0))
        let base = min(initial * pow(multiplier, exponent), Self.seconds(maximumDelay))
        let spread = base * jitter * (2 * random - 1)
        return .nanoseconds(Int64(max(0, base + spread) * 1e9))
    }

    /// The delay before attempt `attempt`, with a random place in the jitter.
    func delay(beforeAttempt attempt: Int) -> Duration {
        delay(beforeAttempt: attempt, random: Double.random(in: 0..<1))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        // Capped well before it could overflow: the maximum delay bounds the result anyway.
        while remaining > 0, result < 1e12 {
            result *= base
            remaining -= 1
        }
        return result
    }
}
