/// Bounds on what loading a spec may read, so a hostile or broken file ends in a clear error
/// rather than unbounded memory or time.
public struct LoadLimits: Sendable, Hashable {
    /// The largest spec file read, in bytes.
    public var maxFileBytes: Int
    /// The most YAML nodes walked in one file, counting every expansion of an alias.
    public var maxNodesPerFile: Int
    /// The most messages in the whole spec.
    public var maxMessages: Int
    /// The most spec files read for one spec.
    public var maxSpecFiles: Int

    /// Creates limits.
    public init(
        maxFileBytes: Int = 32 << 20, maxNodesPerFile: Int = 4_000_000, maxMessages: Int = 50_000, maxSpecFiles: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxNodesPerFile = maxNodesPerFile
        self.maxMessages = maxMessages
        self.maxSpecFiles = maxSpecFiles
    }

    /// 32 MiB per file, 4,000,000 nodes per file, 50,000 messages, 10,000 spec files. The protocol
    /// definitions bundled with cti-codegen count against none of them.
    public static let `default` = LoadLimits()
}
