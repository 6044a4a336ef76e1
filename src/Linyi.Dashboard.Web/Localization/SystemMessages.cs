using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Linyi.Dashboard.Web.Localization;

/// <summary>
/// The framework's own messages (model binding, required fields, accounts) said in the reader's language where they
/// are made, from the shared resource file like every other interface sentence.
/// </summary>
public static class SystemMessages
{
    public const string FieldRequired = "The {0} field is required.";

    public static void Use(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Words.Of("The value '{0}' is not valid for {1}.", value, field));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Words.Of("The value '{0}' is invalid.", value));
        messages.SetValueMustNotBeNullAccessor(value => Words.Of("The value '{0}' is invalid.", value));
        messages.SetValueMustBeANumberAccessor(field => Words.Of("The field {0} must be a number.", field));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Words.Of("The field must be a number."));
        options.ModelMetadataDetailsProviders.Add(new RequiredMessage());
    }

    /// <summary>A form error in the reader's language that keeps its English of record (the form shows it in data-message).</summary>
    public static void AddSentence(this ModelStateDictionary modelState, string key, Sentence sentence)
    {
        modelState.AddModelError(key, sentence.Local);
        var errors = modelState[key]!.Errors;
        errors.RemoveAt(errors.Count - 1);
        errors.Add(new ModelError(new SentenceError(sentence), sentence.Local));
    }

    /// <summary>A [Required] without a message of its own, or the one implied by a non-nullable property, gets the shared one, which the resource file translates.</summary>
    private sealed class RequiredMessage : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
            {
                if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
                {
                    required.ErrorMessage = FieldRequired;
                }
            }
        }
    }
}

/// <summary>The account messages a reader can meet, in the reader's language.</summary>
public sealed class IdentityWords : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = Words.Of("Passwords must be at least {0} characters.", length) };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = Words.Of("Username '{0}' is already taken.", userName) };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = Words.Of("Email '{0}' is already taken.", email) };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = Words.Of("Email '{0}' is invalid.", email) };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = Words.Of("Username '{0}' is invalid, can only contain letters or digits.", userName) };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = Words.Of("Incorrect password.") };
}

/// <summary>Carries a form error's sentence beside its text in the model state.</summary>
public sealed class SentenceError(Sentence sentence) : Exception(sentence.English)
{
    public Sentence Sentence { get; } = sentence;
}
