/// A recorded deviation from the source chapter: what it said, what the spec says instead, and why.
public struct Erratum: Sendable, Hashable {
    /// What the source says.
    public var source: String
    /// What the spec says instead.
    public var fix: String
    /// Why the spec deviates.
    public var reason: String
    /// Where the erratum is recorded.
    public var location: SourceLocation

    /// Creates an erratum.
    public init(source: String, fix: String, reason: String, location: SourceLocation) {
        self.source = source
        self.fix = fix
        self.reason = reason
        self.location = location
    }
}

/// A name that refers to something defined elsewhere in the spec, with the place it is written.
public struct Reference: Sendable, Hashable {
    /// The name referred to.
    public var name: String
    /// Where the reference is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
