import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document as a tree of elements, read with libxml2 through XMLParser and nothing else.
/// A school's file is data from outside: it may carry a DTD that defines entities (a "billion laughs"
/// expansion, or an external entity naming a local file or a URL). Any DOCTYPE or ENTITY is refused
/// before parsing: that byte scan is the guard that holds, as swift-corelibs-foundation's XMLParser
/// does not call the declaration callbacks below (they stay, for a Foundation that does). References
/// to undeclared entities are refused by the parser; external entities are never resolved; nesting
/// deeper than any CTF needs is refused.
struct XMLElement {
    var name: String
    /// "CTfile/CTFpupilData/Pupil[2]/DOB": where errors say the element is.
    var path: String
    var line: Int
    var text = ""
    var children: [XMLElement] = []

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
    /// The trimmed text of a child element, nil when absent or blank.
    func value(_ name: String) -> String? {
        guard let t = child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

struct XMLTreeError: Error {
    var line: Int?
    var path: String?
    var reason: String
}

enum XMLTree {
    static let maxDepth = 40

    static func parse(_ data: Data, maxBytes: Int) throws(XMLTreeError) -> XMLElement {
        if data.count > maxBytes {
            throw XMLTreeError(reason: "is \(megabytes(data.count)) MB; the limit for a CTF is \(megabytes(maxBytes)) MB (no transfer file is that big)")
        }
        // The scan below reads bytes as ASCII: a file in an encoding that spells "<!DOCTYPE" otherwise
        // (UTF-16, EBCDIC…) could hide one from it, so only encodings that keep ASCII as it is are read.
        if let problem = encodingProblem(data) { throw XMLTreeError(line: 1, reason: problem) }
        if let (keyword, line) = declaration(in: data) {
            throw XMLTreeError(line: line, reason: "has a \(keyword) declaration; DTDs and entities are refused (a CTF needs neither, and they can expand or read files)")
        }
        let builder = Builder()
        // Fed as a stream, in chunks: given all at once, libxml2 refuses input over 10 MB (its lookup limit).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let ok = parser.parse()
        if let refusal = builder.refusal { throw refusal }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { describe($0) } ?? "is not well-formed XML"
            throw XMLTreeError(line: parser.lineNumber > 0 ? parser.lineNumber : nil, path: builder.currentPath, reason: reason)
        }
        return root
    }

    /// `<!DOCTYPE` or `<!ENTITY` anywhere in the bytes, with its line: refused whether in the prolog or
    /// not (in a comment or CDATA section it is refused too; no real CTF carries one).
    static func declaration(in data: Data) -> (String, Int)? {
        var first: (String, Int)?
        for keyword in ["DOCTYPE", "ENTITY"] {
            guard let r = data.range(of: Data("<!\(keyword)".utf8)) else { continue }
            let offset = r.lowerBound - data.startIndex
            if first == nil || offset < first!.1 { first = (keyword, offset) }
        }
        guard let (keyword, offset) = first else { return nil }
        let line = 1 + data.prefix(offset).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return (keyword, line)
    }

    /// Why the bytes are not in an encoding the importer reads, or nil: UTF-8 (the CTF's), or one of the
    /// single-byte encodings an older MIS may declare, in each of which ASCII is itself.
    static func encodingProblem(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || data.contains(0) {
            return "is not UTF-8 text (it looks like UTF-16 or UTF-32); a CTF is UTF-8"
        }
        let prolog = String(decoding: data.prefix(200), as: UTF8.self)
        guard prolog.hasPrefix("<?xml") || prolog.hasPrefix("\u{FEFF}<?xml"),
              let end = prolog.range(of: "?>") else { return nil }
        let decl = prolog[..<end.lowerBound]
        guard let at = decl.range(of: "encoding") else { return nil }
        let rest = decl[at.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }.lowercased()
        let allowed: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252"]
        return allowed.contains(name) ? nil : "declares encoding \(name.prefix(20)); a CTF is UTF-8 (ISO-8859-1 and windows-1252 are read too)"
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    static func describe(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "is not well-formed XML" + (flat.isEmpty || flat.hasPrefix("The operation") ? "" : " (\(flat.prefix(120)))")
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElement] = []
        /// How many of each name each open element has had, for `Pupil[2]` in paths.
        var counts: [[String: Int]] = [[:]]
        var root: XMLElement?
        var refusal: XMLTreeError?

        var currentPath: String? { stack.last?.path }

        func refuse(_ parser: XMLParser, _ reason: String) {
            if refusal == nil { refusal = XMLTreeError(line: parser.lineNumber, path: currentPath, reason: reason) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard refusal == nil else { return }
            if stack.count >= XMLTree.maxDepth { refuse(parser, "nests elements more than \(XMLTree.maxDepth) deep"); return }
            let n = (counts[counts.count - 1][name] ?? 0) + 1
            counts[counts.count - 1][name] = n
            let parent = stack.last?.path
            let step = n > 1 || name == "Pupil" ? "\(name)[\(n)]" : name
            stack.append(XMLElement(name: name, path: parent.map { "\($0)/\(step)" } ?? step, line: parser.lineNumber))
            counts.append([:])
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard refusal == nil, let done = stack.popLast() else { return }
            counts.removeLast()
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard refusal == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            guard refusal == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: block, as: UTF8.self)
        }

        // Any declaration is a refusal, never a definition the parser acts on.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuse(parser, "declares an entity (\(name.prefix(30))); DTDs and entities are refused")
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuse(parser, "declares an external entity (\(name.prefix(30))); DTDs and entities are refused")
        }

        func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
                    notationName: String?) {
            refuse(parser, "declares an entity (\(name.prefix(30))); DTDs and entities are refused")
        }

        func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuse(parser, "declares a notation; DTDs are refused")
        }

        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
            refuse(parser, "has a DTD; DTDs and entities are refused")
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            refuse(parser, "refers to an entity (&\(name.prefix(30));) that is not one of XML's own five; it is not expanded")
            return nil
        }

        /// The first error, where the parser found it: libxml2 goes on reporting elements after a
        /// mismatched tag, so the path at the end of the file would name the wrong place.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard refusal == nil else { return }
            refusal = XMLTreeError(line: parser.lineNumber, path: currentPath, reason: XMLTree.describe(parseError))
            parser.abortParsing()
        }
    }
}
