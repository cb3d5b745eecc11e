/// One file the generator produces.
public struct GeneratedFile: Sendable, Hashable {
    /// Which output folder a file belongs in.
    public enum Root: String, Sendable, Hashable, CaseIterable {
        /// The library sources (`--output`).
        case sources
        /// The test sources (`--tests-output`).
        case tests
        /// A rendered reference (`cti-codegen docs --output`).
        case documentation
    }

    /// The output folder the file belongs in.
    public var root: Root
    /// The file name, relative to its root (no folders).
    public var name: String
    /// The file's text.
    public var contents: String

    /// Creates a generated file.
    public init(root: Root, name: String, contents: String) {
        self.root = root
        self.name = name
        self.contents = contents
    }
}
