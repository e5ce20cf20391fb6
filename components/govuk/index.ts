export { cx } from "./cx";
export { VisuallyHidden, type VisuallyHiddenProps } from "./visually-hidden";
export { Link, type LinkProps } from "./link";
export { SkipLink, type SkipLinkProps } from "./skip-link";
export { Header, type HeaderProps } from "./header";
export { HeaderNavigation, type HeaderNavigationProps, type NavigationItem } from "./header-navigation";
export { PhaseBanner, type PhaseBannerProps } from "./phase-banner";
export { Footer, type FooterProps, type FooterLink } from "./footer";
export { PageContainer, type PageContainerProps } from "./page-container";
export { Tag, TAG_COLOURS, type TagColour, type TagProps } from "./tag";
export {
  JudgementTag,
  judgementLabel,
  JUDGEMENT_LABELS,
  JUDGEMENT_TAG_COLOURS,
  NOT_JUDGED_LABEL,
  type Judgement,
  type JudgementTagProps,
} from "./judgement-tag";
export { SummaryList, type SummaryListProps, type SummaryListRow, type SummaryListAction } from "./summary-list";
export { StaticTable, Table, type TableProps, type TableCell, type TableCellInput } from "./table";
export { ErrorSummary, type ErrorSummaryProps, type ErrorSummaryItem } from "./error-summary";
export { ErrorSummaryFocus, type ErrorSummaryFocusProps } from "./error-summary-focus";
export {
  Button,
  ButtonGroup,
  type ButtonProps,
  type ButtonAsButtonProps,
  type ButtonAsLinkProps,
  type ButtonVariant,
  type ButtonGroupProps,
} from "./button";
export { FormGroup, type FormGroupProps } from "./form-group";
export { Field, type FieldProps, type FieldOwnProps } from "./field";
export { Label, type LabelProps, type LabelSize } from "./label";
export { Hint, type HintProps } from "./hint";
export { FieldError, type FieldErrorProps } from "./field-error";
export { Input, type InputProps, type InputWidth } from "./input";
export { Select, type SelectProps, type SelectOption } from "./select";
export { Textarea, type TextareaProps } from "./textarea";
export { FilterForm, type FilterField } from "./filter-form";
export { BackLink, type BackLinkProps } from "./back-link";
export { Breadcrumbs, type BreadcrumbsProps, type BreadcrumbItem } from "./breadcrumbs";
export { NotificationBanner, type NotificationBannerProps } from "./notification-banner";
export { Details, type DetailsProps } from "./details";
export { InsetText, type InsetTextProps } from "./inset-text";
export { WarningText, type WarningTextProps } from "./warning-text";
export {
  Heading,
  Paragraph,
  List,
  SectionBreak,
  type HeadingProps,
  type HeadingSize,
  type HeadingLevel,
  type ParagraphProps,
  type ListProps,
  type SectionBreakProps,
} from "./heading";
export { FieldConflicts } from "./field-conflicts";
