/// How messages are framed on the wire: a 4-byte unsigned length prefix, then that many
/// bytes of UTF-8 JSON.
public struct FramingOptions: Sendable, Hashable {
    /// The byte order of the length prefix; big-endian unless the bridge says otherwise.
    public var byteOrder: ByteOrder = .bigEndian

    /// The largest frame content, in bytes, that is read or written. The protocol states
    /// no maximum, so a reader must enforce one.
    public var maxFrameBytes: Int = 1 << 20

    /// Creates options; the defaults are big-endian and 1 MiB.
    public init(byteOrder: ByteOrder = .bigEndian, maxFrameBytes: Int = 1 << 20) {
        self.byteOrder = byteOrder
        self.maxFrameBytes = maxFrameBytes
    }

    /// Big-endian prefixes, frames of at most 1 MiB.
    public static let `default` = FramingOptions()
}
