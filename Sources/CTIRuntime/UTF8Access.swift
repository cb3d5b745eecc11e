/// Calls `body` with the UTF-8 bytes of `string`, without copying a native string (the
/// usual case) and without the retain that `String.withUTF8` needs on a mutable copy.
@inlinable @inline(__always)
func withUTF8Bytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try string.utf8.withContiguousStorageIfAvailable(body) {
        return result
    }
    var copy = string
    return try copy.withUTF8(body)
}
