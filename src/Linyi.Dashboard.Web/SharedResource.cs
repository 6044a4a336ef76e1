namespace Linyi.Dashboard.Web;

/// <summary>Marker for the interface strings in Resources/SharedResource.*.resx. Keys are the English text.</summary>
public sealed class SharedResource;
