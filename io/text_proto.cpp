#include "io/text_proto.hpp"

#include <google/protobuf/descriptor.h>

#include "io/input.hpp"

namespace stakegraph::io {

void TextFormatErrors::AddError(int line, google::protobuf::io::ColumnNumber column,
                                const std::string& message) {
  if (has_error) return;
  has_error = true;
  line_ = line + 1;
  column_ = column + 1;
  message_ = message;
}

std::optional<InvalidUtf8Field> find_invalid_utf8_field(
    const google::protobuf::Message& message,
    const google::protobuf::TextFormat::ParseInfoTree& locations) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Descriptor* d = message.GetDescriptor();
  const google::protobuf::Reflection* r = message.GetReflection();
  for (int f = 0; f < d->field_count(); ++f) {
    const FieldDescriptor* field = d->field(f);
    const bool repeated = field->is_repeated();
    const int count =
        repeated ? r->FieldSize(message, field) : (r->HasField(message, field) ? 1 : 0);
    for (int i = 0; i < count; ++i) {
      const int index = repeated ? i : -1;
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        std::string scratch;
        const std::string& value = repeated
                                       ? r->GetRepeatedStringReference(message, field, i, &scratch)
                                       : r->GetStringReference(message, field, &scratch);
        if (!find_invalid_utf8(value)) continue;
        const auto loc = locations.GetLocation(field, index);
        return InvalidUtf8Field{loc.line >= 0 ? static_cast<std::uint64_t>(loc.line + 1) : 0,
                                loc.column >= 0 ? static_cast<std::uint64_t>(loc.column + 1) : 0,
                                field->name(), excerpt_for_message(value)};
      }
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
      const google::protobuf::Message& sub =
          repeated ? r->GetRepeatedMessage(message, field, i) : r->GetMessage(message, field);
      const auto* tree = locations.GetTreeForNested(field, index);
      static const google::protobuf::TextFormat::ParseInfoTree kNoLocations;
      if (auto bad = find_invalid_utf8_field(sub, tree ? *tree : kNoLocations)) return bad;
    }
  }
  return std::nullopt;
}

}  // namespace stakegraph::io
