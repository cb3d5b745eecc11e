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

extension Spec {
    /// The destination a variant belongs to; nil for a destination itself.
    public func base(of destination: Destination) -> Destination? {
        guard destination.variant != nil else { return nil }
        return destinations.first { $0.variant == nil && $0.name == destination.name }
    }

    /// The variants of a destination, in spec order; empty for a variant.
    public func variants(of destination: Destination) -> [Destination] {
        guard destination.variant == nil else { return [] }
        return destinations.filter { $0.variant != nil && $0.name == destination.name }
    }
}
