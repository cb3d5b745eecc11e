import Foundation

/// Where one generated file goes, after the checks: its name is safe, its output folder is (or can become)
/// a folder, and the path, with symbolic links followed, stays inside that folder.
struct OutputDestination: Sendable {
    /// The output folder as given, with the file name appended.
    var url: URL
    /// The output folder with every symbolic link followed.
    var folder: String
    /// The entry that gets replaced: the resolved folder with the file name appended.
    var path: String
    /// The bytes there now; nil when there is no file yet.
    var existing: Data?

    /// Checks where `name` goes inside `folderURL` and reads what is there now.
    init(name: String, folderURL: URL) throws(OutputError) {
        guard FileNameSafety.isSafe(name) else { throw .unsafeFileName(name, folder: folderURL) }
        url = folderURL.appendingPathComponent(name, isDirectory: false)
        folder = try Self.resolvedFolder(folderURL)
        path = folder == "/" ? "/" + name : folder + "/" + name
        switch PathResolution.kind(atPath: path) {
        case .missing:
            existing = nil
        case .file:
            existing = try Self.read(path, for: url)
        case .folder, .other:
            throw .notAFile(url)
        case .symbolicLink:
            guard let target = PathResolution.resolve(path) else { throw .symbolicLinkLoop(url) }
            guard PathResolution.isInside(target, folder: folder) else {
                throw .outsideOutputFolder(url, resolved: target, folder: folder)
            }
            switch PathResolution.kind(atPath: target) {
            case .missing: existing = nil
            case .file: existing = try Self.read(target, for: url)
            case .folder, .other, .symbolicLink: throw .notAFile(url)
            }
        }
    }

    /// The output folder with symbolic links followed; it, or else the nearest folder above it that exists,
    /// must be a folder.
    private static func resolvedFolder(_ folderURL: URL) throws(OutputError) -> String {
        guard let folder = PathResolution.resolve(folderURL.path) else { throw .symbolicLinkLoop(folderURL) }
        var probe = folder
        while true {
            switch PathResolution.kind(atPath: probe) {
            case .folder:
                return folder
            case .missing where probe != "/":
                probe = PathResolution.parent(of: probe)
            default:
                throw .notAFolder(probe == folder ? folderURL : URL(fileURLWithPath: probe))
            }
        }
    }

    private static func read(_ path: String, for url: URL) throws(OutputError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(url, reason: error.localizedDescription)
        }
    }
}
