/// Which generated file names the writer accepts: plain names that stay inside their folder and are visible.
enum FileNameSafety {
    /// Whether `name` is a plain, visible file name: not empty, without `/`, `\`, `..` or NUL, and not starting
    /// with `.`.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty
            && !name.hasPrefix(".")
            && !name.contains("..")
            && !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == "\0" }
    }
}
