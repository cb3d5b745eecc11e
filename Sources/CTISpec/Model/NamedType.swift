/// A type a destination names once (`types:`) and its fields use by name, so a shape the source
/// repeats (a team member, a label) becomes one Swift type.
public struct NamedType: Sendable, Hashable {
    /// The Swift type name, also the name fields use (`type: TeamMember`).
    public var name: String
    /// What the type is.
    public var summary: String
    /// The type itself (an object, an enum, ...).
    public var type: FieldType
    /// Where the type is defined.
    public var location: SourceLocation

    /// Creates a named type.
    public init(name: String, summary: String, type: FieldType, location: SourceLocation) {
        self.name = name
        self.summary = summary
        self.type = type
        self.location = location
    }
}

extension Destination {
    /// The named type called `name`.
    public func namedType(_ name: String) -> NamedType? {
        types.first { $0.name == name }
    }

    /// The type with references replaced by what they name (one level; a reference to an
    /// undefined type stays as it is, for the checker to report).
    public func resolved(_ type: FieldType) -> FieldType {
        guard case .reference(let name) = type, let named = namedType(name) else { return type }
        return named.type
    }
}
