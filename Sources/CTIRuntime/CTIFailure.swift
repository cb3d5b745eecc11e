/// An error a handler throws to answer with a FAILURE response whose errorMessage is `message`
/// (any other error is answered with its description).
public struct CTIFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The errorMessage of the FAILURE response: logged by the bridge, and may be shown to the agent.
    public var message: String

    /// Creates a failure.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
