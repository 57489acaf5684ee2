using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// The secret behind every digest of an id (<c>Privacy:DigestKey</c>, base64, at least 32 bytes).
/// A deployed bot must be given one, the same for all its instances. A local run (Development, or
/// anonymous mode) that has none generates one once and keeps it in the user's local data folder,
/// so that its state keys stay stable from one run to the next.
/// </summary>
public static class DigestKeySetting
{
    public const string Name = "Privacy:DigestKey";

    public static byte[] From(IConfiguration configuration, bool localRun)
    {
        var text = configuration[Name];
        if (!string.IsNullOrWhiteSpace(text))
        {
            return Decode(text.Trim());
        }

        return localRun
            ? LocalKey()
            : throw new SettingException(Name, "no key is set. Give every instance the same secret of at least 32 bytes, in base64 " +
                                               "(for instance the output of `openssl rand -base64 32`).");
    }

    private static byte[] Decode(string text)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new SettingException(Name, "is not base64.");
        }

        return key.Length >= KeyedDigest.MinimumKeyBytes
            ? key
            : throw new SettingException(Name, $"holds {key.Length} bytes; at least {KeyedDigest.MinimumKeyBytes} are needed.");
    }

    private static byte[] LocalKey()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SecretBot");
        var path = Path.Combine(folder, "digest.key");
        try
        {
            Directory.CreateDirectory(folder);
            if (!File.Exists(path))
            {
                var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyedDigest.MinimumKeyBytes);
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, create);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
                return fresh;
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another local process created it first: use theirs.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nowhere to keep it: this run gets its own key; its state keys change at the next start.
            return System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyedDigest.MinimumKeyBytes);
        }

        return ReadWhenWritten(path);
    }

    /// <summary>A file another process has just created may still be empty for a moment.</summary>
    private static byte[] ReadWhenWritten(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length > 0 || attempt == 50)
            {
                return Decode(text);
            }

            Thread.Sleep(10);
        }
    }
}
