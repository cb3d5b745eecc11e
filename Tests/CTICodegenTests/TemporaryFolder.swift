import Foundation

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder with a unique name.
    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cti-codegen-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The URL of `path` inside the folder.
    func url(_ path: String) -> URL {
        url.appendingPathComponent(path)
    }

    /// Writes `text` to `path` inside the folder, creating folders as needed.
    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// The text of `path` inside the folder; nil when there is no such file.
    func read(_ path: String) -> String? {
        (try? Data(contentsOf: url(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in `path` inside the folder, sorted, hidden ones included.
    func list(_ path: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path.isEmpty ? url.path : url(path).path).sorted()
    }

    /// Every file below the folder with its text, keyed by relative path; symbolic links are listed by
    /// their target.
    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: url.path)
        while let path = walker?.nextObject() as? String {
            let full = url(path).path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[path] = "-> " + target
            } else if let data = FileManager.default.contents(atPath: full) {
                result[path] = String(decoding: data, as: UTF8.self)
            } else {
                result[path] = "<folder>"
            }
        }
        return result
    }
}
