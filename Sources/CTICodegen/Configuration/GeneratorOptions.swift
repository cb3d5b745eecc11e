import CTISpec

/// The few choices a generator run offers.
public struct GeneratorOptions: Sendable, Hashable {
    /// Which kinds of output to produce.
    public enum Output: String, Sendable, Hashable, CaseIterable {
        /// Message types, validators, handler protocols and routers.
        case code
        /// Swift Testing files exercising the generated code.
        case tests
    }

    /// The access level of the generated declarations.
    public var access: AccessLevel
    /// The outputs to produce.
    public var outputs: Set<Output>
    /// The module the generated code is compiled into; the generated tests import it.
    public var moduleName: String
    /// Put in front of every top-level type name (`My` makes `MySession`, `MyClientHandler`).
    public var namePrefix: String

    /// Creates options; by default internal code and tests, in module `CTIMessages`, with no prefix.
    public init(
        access: AccessLevel = .internal, outputs: Set<Output> = [.code, .tests], moduleName: String = "CTIMessages",
        namePrefix: String = ""
    ) {
        self.access = access
        self.outputs = outputs
        self.moduleName = moduleName
        self.namePrefix = namePrefix
    }
}
