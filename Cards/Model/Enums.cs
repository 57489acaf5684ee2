namespace SecretBot.Cards.Model;

// Members are serialised in camelCase, which is exactly how the 1.5 schema spells its values.

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum TextBlockStyle { Default, Heading }

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum HorizontalAlignment { Left, Center, Right }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum ImageSize { Auto, Stretch, Small, Medium, Large }

public enum ActionStyle { Default, Positive, Destructive }
