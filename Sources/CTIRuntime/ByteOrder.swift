/// The byte order of a frame's 4-byte length prefix. The protocol does not state it, so
/// it is configurable.
public enum ByteOrder: String, Sendable, Hashable, CaseIterable {
    /// Most significant byte first (network order, what Java's `DataOutputStream` writes).
    case bigEndian = "big-endian"
    /// Least significant byte first.
    case littleEndian = "little-endian"
}
