import Foundation

/// Writes output files so that an unchanged file is never touched and a failed write never leaves a
/// half-written file behind.
public enum FileOutput {
    /// Writes `data` to `url` unless the file already holds exactly these bytes; returns whether it wrote.
    ///
    /// The bytes go to a temporary file in the same folder first, which then replaces the target in one step.
    @discardableResult
    public static func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return true
    }
}
