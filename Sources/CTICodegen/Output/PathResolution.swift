import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Follows symbolic links in paths whose last components may not exist yet, and tells what is at a path.
enum PathResolution {
    /// What a path names, without following a symbolic link at its end.
    enum Kind: Equatable {
        case missing, file, folder, symbolicLink, other
    }

    /// The most symbolic links followed while resolving one path before it counts as a loop.
    static let maxLinks = 64

    /// What is at `path`, without following a final symbolic link.
    static func kind(atPath path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The absolute path `path` names once every symbolic link in it is followed; the components that do
    /// not exist are kept as written, and a dangling link is followed to where it points. Nil when links loop.
    static func resolve(_ path: String) -> String? {
        resolve(absolute(path), linksLeft: maxLinks)
    }

    /// `path` made absolute against the current folder, without empty or `.` components.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let parts = full.split(separator: "/").filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (an absolute path without empty components); `/` for `/`.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path` (an absolute path without empty components).
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether `path` lies strictly inside `folder` (both resolved).
    static func isInside(_ path: String, folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/") && path != folder
    }

    private static func resolve(_ path: String, linksLeft: Int) -> String? {
        if let real = realPath(path) { return real }
        if path == "/" { return path }
        if kind(atPath: path) == .symbolicLink {
            guard linksLeft > 0, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
                return nil
            }
            let next = target.hasPrefix("/") ? target : parent(of: path) + "/" + target
            return resolve(absolute(next), linksLeft: linksLeft - 1)
        }
        guard let folder = resolve(parent(of: path), linksLeft: linksLeft) else { return nil }
        switch lastComponent(of: path) {
        case "..": return parent(of: folder)
        case let name: return folder == "/" ? "/" + name : folder + "/" + name
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
