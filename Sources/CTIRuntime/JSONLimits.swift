/// Upper bounds that `JSONParser` enforces while it reads untrusted input.
///
/// Every limit is checked before the corresponding work is done, so a hostile document
/// cannot make the parser recurse without bound or build an arbitrarily large container.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted. A top-level scalar has depth 0,
    /// `[]` has depth 1 and `[[]]` depth 2. The parser recurses once per level, so keep
    /// this to a few hundred at most.
    public var maxDepth: Int

    /// The most elements one array, or members one object, may hold.
    public var maxMembers: Int

    /// The longest string (object keys included) accepted, counted in UTF-8 bytes after
    /// escape sequences are decoded.
    public var maxStringBytes: Int

    /// Creates limits; every argument defaults to the value used by `JSONLimits.default`.
    public init(maxDepth: Int = 64, maxMembers: Int = 10_000, maxStringBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxMembers = maxMembers
        self.maxStringBytes = maxStringBytes
    }

    /// Depth 64, 10,000 members per container, strings of at most 1 MiB.
    public static let `default` = JSONLimits()
}
