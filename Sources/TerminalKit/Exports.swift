// The console draws through the same sanitising rule the CLI prints through.
@_exported import SafeText
