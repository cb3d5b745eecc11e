import Foundation

/// Writes to standard error, where diagnostics go so that standard output stays clean for data.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
