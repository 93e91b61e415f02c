/// Text placed in HTML or XML (minutes, CTF files): the five characters that could end an element or
/// an attribute are written as references, so stored text is always read as text.
public enum MarkupEscape {
    public static func text(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
