/// A whole spec: the protocol definitions and every destination.
public struct Spec: Sendable, Hashable {
    /// The protocol-level definitions.
    public var protocolDefinition: ProtocolDefinition
    /// The destinations, in file-name order.
    public var destinations: [Destination]

    /// Creates a spec.
    public init(protocolDefinition: ProtocolDefinition, destinations: [Destination]) {
        self.protocolDefinition = protocolDefinition
        self.destinations = destinations
    }
}
